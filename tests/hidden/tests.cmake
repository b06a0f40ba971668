# The Hidden space page: the book's network from inside, following the shared training (GL).
uncrumple_add_test(ui_hidden_space GL SOURCES hidden/tst_hiddenspacepage.cpp LIBS uncrumple_ui)
