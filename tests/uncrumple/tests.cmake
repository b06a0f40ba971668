# The Uncrumple page under a real GL context (xvfb-run + Mesa): pick a layer, play the passages,
# orbit, hover, train a few epochs, step one. It skips (77) where GL is missing.
uncrumple_add_test(ui_uncrumple GL
    SOURCES uncrumple/tst_uncrumplepage.cpp
    LIBS uncrumple_ui)
set_tests_properties(ui_uncrumple PROPERTIES TIMEOUT 600)

# The separating plane clipped to a box, and the orbit camera (plain geometry, no GL).
uncrumple_add_test(ui_uncrumple_geometry
    SOURCES uncrumple/tst_uncrumplegeometry.cpp
    LIBS uncrumple_ui)

# The lattice's lines drawn on the CPU onto the points' image (no GL).
uncrumple_add_test(ui_uncrumple_lines
    SOURCES uncrumple/tst_linesplatter.cpp
    LIBS uncrumple_ui)

# Where OpenGL cannot be used, the app shows the Uncrumple page as a message instead.
uncrumple_add_test(ui_uncrumple_without_gl
    SOURCES uncrumple/tst_uncrumplenogl.cpp
    LIBS uncrumple_ui)
