"""The `executions` operations, one module each:

- `get_execution`: GET /v1/executions/{id}
"""
