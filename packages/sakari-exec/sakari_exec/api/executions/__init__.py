"""The `executions` operations, one module each:

- `get_execution`: GET /v1/accounts/{account_id}/workflows/{workflow_id}/executions/{execution_id}
- `list_executions`: GET /v1/accounts/{account_id}/workflows/{workflow_id}/executions
"""
