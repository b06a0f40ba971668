target_sources(uncrumple_ui PRIVATE
    geometry/captionplacement.cpp
    geometry/chainpanel.cpp
    geometry/cloudsource.cpp
    geometry/cloudsplatter.cpp
    geometry/displaypanel.cpp
    geometry/drawlist.cpp
    geometry/figurepresets.cpp
    geometry/geometrymodel.cpp
    geometry/geometrypage.cpp
    geometry/geometrystate.cpp
    geometry/labelplacement.cpp
    geometry/numberentry.cpp
    geometry/numpycode.cpp
    geometry/planecamera.cpp
    geometry/planeoverlay.cpp
    geometry/planerenderer.cpp
    geometry/planetheme.cpp
    geometry/planeview.cpp
    geometry/readouts.cpp
    geometry/scenebuilder.cpp
    geometry/transformeditor.cpp
    geometry/vectorpanel.cpp)

# The plane's shaders, as :/shaders/geometry/*. A resource name of its own, so that other pages
# can add their shaders without clashing.
qt_add_resources(uncrumple_ui uncrumple_geometry_shaders
    PREFIX /shaders
    BASE ${PROJECT_SOURCE_DIR}/shaders
    FILES
        ${PROJECT_SOURCE_DIR}/shaders/geometry/lines.vert
        ${PROJECT_SOURCE_DIR}/shaders/geometry/lines.frag
        ${PROJECT_SOURCE_DIR}/shaders/geometry/fill.vert
        ${PROJECT_SOURCE_DIR}/shaders/geometry/fill.frag
        ${PROJECT_SOURCE_DIR}/shaders/geometry/image.vert
        ${PROJECT_SOURCE_DIR}/shaders/geometry/image.frag)
