uncrumple_add_test(test_mnistpage SOURCES ui/test_mnistpage.cpp LIBS uncrumple_ui)
uncrumple_add_test(test_shell SOURCES ui/test_shell.cpp LIBS uncrumple_ui)
uncrumple_add_test(test_pngfile SOURCES ui/test_pngfile.cpp LIBS uncrumple_ui)
uncrumple_add_test(test_palette SOURCES ui/test_palette.cpp LIBS uncrumple_ui)
uncrumple_add_test(test_captions SOURCES ui/test_captions.cpp LIBS uncrumple_ui)
# Focus mode on every page: the picture alone, the drawer of controls, the keys (GL: every page).
uncrumple_add_test(ui_focus_mode GL SOURCES ui/tst_focusmode.cpp LIBS uncrumple_ui)
