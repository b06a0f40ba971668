# The transform math (core/geometry), without Qt widgets.
uncrumple_add_test(core_geometry
    SOURCES geometry/tst_coregeometry.cpp
    LIBS uncrumple_core)

# Where the plane's caption goes (plain geometry, no GL).
uncrumple_add_test(ui_geometry_caption
    SOURCES geometry/tst_captionplacement.cpp
    LIBS uncrumple_ui)

# Where the vectors' labels go: off the tick numbers and each other (plain geometry, no GL).
uncrumple_add_test(ui_geometry_labels
    SOURCES geometry/tst_labelplacement.cpp
    LIBS uncrumple_ui)

# The Figures menu's presets do what their titles say (plain math, no GL).
uncrumple_add_test(ui_geometry_figures
    SOURCES geometry/tst_figurepresets.cpp
    LIBS uncrumple_ui)

# The page under a real GL context: run it with xvfb-run; it skips (77) where GL is missing.
uncrumple_add_test(ui_geometry GL
    SOURCES geometry/tst_geometrypage.cpp
    LIBS uncrumple_ui)

# Where no GL context can be made (no display at all), the page's test ends with the skip code,
# never a crash: this run passes only on 77 (skipped) or 0.
add_test(NAME ui_geometry_without_display
    COMMAND env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM sh -c "\"$0\"; c=$?; [ $c -eq 77 ] || [ $c -eq 0 ]"
            $<TARGET_FILE:ui_geometry>)

# Where OpenGL cannot be used, the app shows the Geometry page as a message instead.
uncrumple_add_test(ui_geometry_without_gl SOURCES geometry/tst_noglpage.cpp LIBS uncrumple_ui)

# High-DPI screens: the plane drawn at device pixel ratio 2 (the grid, the cloud, the line widths).
add_test(NAME ui_geometry_hidpi
    COMMAND ui_geometry gridFollowsChain reluFoldsCloudOnGpu presentationThickensLines)
set_tests_properties(ui_geometry_hidpi PROPERTIES
    ENVIRONMENT "QT_SCALE_FACTOR=2;QTEST_DISABLE_STACK_DUMP=1" SKIP_RETURN_CODE 77)

# Numbers as Python prints them, a layout that keeps its width with huge entries, and what the
# area readout claims with a ReLU (plain widgets, no GL).
uncrumple_add_test(ui_geometry_numbers SOURCES geometry/tst_numbers.cpp LIBS uncrumple_ui)

# The point cloud drawn on the CPU: where a point lands (no GL).
uncrumple_add_test(ui_geometry_splatter
    SOURCES geometry/tst_cloudsplatter.cpp
    LIBS uncrumple_ui)
