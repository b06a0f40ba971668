uncrumple_add_test(test_mnistpage SOURCES ui/test_mnistpage.cpp LIBS uncrumple_ui)
uncrumple_add_test(test_shell SOURCES ui/test_shell.cpp LIBS uncrumple_ui)
# A settings file whose window state crashed Qt's QMainWindow::restoreState (found by fuzzing).
target_compile_definitions(test_shell PRIVATE UNCRUMPLE_CRASHING_STATE="${CMAKE_CURRENT_SOURCE_DIR}/fuzz/regressions/settings/crash-f00f281a2ab2dd5975d2a23b411f7521b9972f6a")
uncrumple_add_test(test_pngfile SOURCES ui/test_pngfile.cpp LIBS uncrumple_ui)
uncrumple_add_test(test_palette SOURCES ui/test_palette.cpp LIBS uncrumple_ui)
uncrumple_add_test(test_captions SOURCES ui/test_captions.cpp LIBS uncrumple_ui)
# Focus mode on every page: the picture alone, the drawer of controls, the keys (GL: every page).
uncrumple_add_test(ui_focus_mode GL SOURCES ui/tst_focusmode.cpp LIBS uncrumple_ui)
# The GL pictures' surface: frames, input, focus, cursor and grabs (GL).
uncrumple_add_test(ui_glsurface GL SOURCES ui/tst_glsurface.cpp LIBS uncrumple_ui)
# Two pieces of a frame's work at once (the Uncrumple view's CPU drawing and passage frames).
uncrumple_add_test(test_twothreads SOURCES ui/test_twothreads.cpp)
