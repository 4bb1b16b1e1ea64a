"""Shared test machinery: the vendor table, the Prism launcher, the scripted server."""
