"""Telegram adapter for the commitment tracker."""
