"""Test content shared by the test packages, composed from the apps' factories."""
