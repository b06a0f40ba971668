# MNIST's preprocessing of drawn digits (core, no Qt in the code under test).
uncrumple_add_test(test_drawndigit SOURCES train/test_drawndigit.cpp LIBS uncrumple_core)
target_compile_definitions(test_drawndigit PRIVATE
    UNCRUMPLE_SAMPLE_DIR="${PROJECT_SOURCE_DIR}/resources/mnist")

# The Train page as a user drives it (sample data, then the full set), under xvfb-run.
uncrumple_add_test(test_trainpage SOURCES train/test_trainpage.cpp LIBS uncrumple_ui)
# One epoch of the full set runs in it: seconds in a normal build, minutes under the sanitizers.
set_tests_properties(test_trainpage PROPERTIES TIMEOUT 1200)

# The live charts' QPainter chart: where things go, what a repaint costs, diverged values.
uncrumple_add_test(test_curvechart SOURCES train/test_curvechart.cpp LIBS uncrumple_ui)

# The first-layer weights: each tile its unit's picture, and what a new model copy repaints.
uncrumple_add_test(test_weightgrid SOURCES train/test_weightgrid.cpp LIBS uncrumple_ui)

# Keras' progress line: drawn from one layout per text, the picture drawText makes.
uncrumple_add_test(test_kerasline SOURCES train/test_kerasline.cpp LIBS uncrumple_ui)
