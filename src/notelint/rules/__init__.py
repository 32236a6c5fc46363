"""The built-in rules, one module each. Registered through the ``notelint.rules`` entry point
(``builtin = "notelint.rules"``): every Rule subclass defined in a submodule is a rule."""
