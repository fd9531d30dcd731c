org.rapaio.jupyter.kernel.global.Global.options().display().defaultMime("text/plain");
