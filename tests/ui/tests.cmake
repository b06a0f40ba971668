uncrumple_add_test(test_mnistpage SOURCES ui/test_mnistpage.cpp LIBS uncrumple_ui)
uncrumple_add_test(test_shell SOURCES ui/test_shell.cpp LIBS uncrumple_ui)
uncrumple_add_test(test_pngfile SOURCES ui/test_pngfile.cpp LIBS uncrumple_ui)
uncrumple_add_test(test_palette SOURCES ui/test_palette.cpp LIBS uncrumple_ui)
