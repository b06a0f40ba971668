target_sources(uncrumple_ui PRIVATE
    gradient/backproptab.cpp
    gradient/celledits.cpp
    gradient/contourview.cpp
    gradient/curveview.cpp
    gradient/derivativetab.cpp
    gradient/descentpath.cpp
    gradient/descenttab.cpp
    gradient/gradientpage.cpp
    gradient/graphview.cpp
    gradient/minibatchtab.cpp
    gradient/surfacegrid.cpp
    gradient/surfaceview.cpp
    gradient/tapetab.cpp)
