target_sources(uncrumple_ui PRIVATE
    uncrumple/layerprobe.cpp
    uncrumple/latticeedges.cpp
    uncrumple/layerprobelist.cpp
    uncrumple/linesplatter.cpp
    uncrumple/manifoldrenderer.cpp
    uncrumple/manifoldscene.cpp
    uncrumple/manifoldview.cpp
    uncrumple/planeclip.cpp
    uncrumple/pointsplatter.cpp
    uncrumple/uncrumplecontrols.cpp
    uncrumple/uncrumplepage.cpp)

# The 3D view's shaders, as :/shaders/uncrumple/* (the points' quad reuses the Geometry page's
# image.vert).
qt_add_resources(uncrumple_ui uncrumple_manifold_shaders
    PREFIX /shaders
    BASE ${PROJECT_SOURCE_DIR}/shaders
    FILES
        ${PROJECT_SOURCE_DIR}/shaders/uncrumple/points.frag
        ${PROJECT_SOURCE_DIR}/shaders/uncrumple/lines.vert
        ${PROJECT_SOURCE_DIR}/shaders/uncrumple/lines.frag)
