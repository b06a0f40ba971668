# The Gradient page's two pictures of a loss surface (QPainter, no GL): the 3D surface that the
# mouse orbits and the map that the start is dragged on. Runs offscreen.
uncrumple_add_test(tst_surfaceviews
    SOURCES gradient/tst_surfaceviews.cpp
    LIBS uncrumple_ui)
# The page under xvfb-run: every tab, driven as a user would.
uncrumple_add_test(ui_gradient_page SOURCES gradient/tst_gradientpage.cpp LIBS uncrumple_ui)
