# The transform math (core/geometry), without Qt widgets.
uncrumple_add_test(core_geometry
    SOURCES geometry/tst_coregeometry.cpp
    LIBS uncrumple_core)

# The page under a real GL context: run it with xvfb-run; it skips (77) where GL is missing.
uncrumple_add_test(ui_geometry GL
    SOURCES geometry/tst_geometrypage.cpp
    LIBS uncrumple_ui)
