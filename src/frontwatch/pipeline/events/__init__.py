"""Typed events: ontology, trigger and role extraction, modality, quantities."""
