"""The `executions` operations, one module each:

- `get_execution`: GET /workflow-executions/{execution_id}
"""
