"""Report sections: one module per section (see :mod:`toolkit.report.build`)."""
