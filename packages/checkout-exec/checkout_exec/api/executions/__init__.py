"""The `executions` operations, one module each:

- `create_execution`: POST /v1/executions
- `get_execution`: GET /v1/executions/{id}
- `get_execution_events`: GET /v1/executions/{id}/events
- `list_executions`: GET /v1/executions
"""
