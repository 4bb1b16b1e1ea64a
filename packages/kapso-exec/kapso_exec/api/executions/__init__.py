"""The `executions` operations, one module each:

- `get_execution`: GET /flow_executions/{execution_id}
"""
