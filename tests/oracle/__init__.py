"""Pydantic v2 models of each spec by datamodel-code-generator (regenerated; do not edit)."""
