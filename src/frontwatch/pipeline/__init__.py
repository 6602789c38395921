"""The pipeline stages, one module each, and the runner that chains them.

``Ingestor`` reads inputs into articles; ``Pipeline.from_settings`` builds the stages that
exist. Importing this package does not import spaCy; building a Pipeline does.
"""

from frontwatch.pipeline.ingest import IngestOptions, Ingestor, IngestResult, Source
from frontwatch.pipeline.runner import Pipeline
from frontwatch.pipeline.stage import Item, Stage

__all__ = ["IngestOptions", "IngestResult", "Ingestor", "Item", "Pipeline", "Source", "Stage"]
