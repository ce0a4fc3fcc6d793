"""Export formats as plugins: one base class, found through the `claimscope.exporters` entry points.

claimscope's own formats are registered the same way an outside package registers one:

    [project.entry-points."claimscope.exporters"]
    myformat = "mypackage.export:MyExporter"
"""

from claimscope.render.exporters.base import Exporter, exporter_class, exporter_names

__all__ = ["Exporter", "exporter_class", "exporter_names"]
