"""The `executions` operations, one module each:

- `cancel_execution`: POST /workspaces/{workspace_id}/workflow-executions/{execution_id}/cancel
- `get_execution`: GET /workflow-executions/{execution_id}
- `get_execution_compact`: GET /workspaces/{workspace_id}/workflow-executions/{execution_id}/compact
- `search_executions`: GET /workspaces/{workspace_id}/workflow-executions/search
- `start_execution`: POST /workspaces/{workspace_id}/workflow-executions
- `terminate_execution`: POST /workspaces/{workspace_id}/workflow-executions/{execution_id}/terminate
"""
