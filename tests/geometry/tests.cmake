# The transform math (core/geometry), without Qt widgets.
uncrumple_add_test(core_geometry
    SOURCES geometry/tst_coregeometry.cpp
    LIBS uncrumple_core)
