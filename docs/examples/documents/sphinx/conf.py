project = "Maps in Sphinx"
extensions = ["myst_parser", "argmap.sphinx"]
# Plain ```argmap fences in MyST pages are the directive too.
myst_fence_as_directive = ["argmap"]
# Where :file: paths start (default: the document's folder).
argmap_root = ".."
