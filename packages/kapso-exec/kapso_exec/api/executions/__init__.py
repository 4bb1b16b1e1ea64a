"""The `executions` operations, one module each:

- `get_execution`: GET /flow_executions/{execution_id}
- `list_executions`: GET /flows/{flow_id}/executions
- `resume_execution`: POST /flow_executions/{execution_id}/resume
- `start_execution`: POST /flows/{flow_id}/executions
"""
