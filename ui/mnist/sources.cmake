target_sources(uncrumple_ui PRIVATE
    mnist/attributelisting.cpp
    mnist/batchpanel.cpp
    mnist/digitdelegate.cpp
    mnist/digitgridmodel.cpp
    mnist/digitview.cpp
    mnist/flattenstrip.cpp
    mnist/mnistcode.cpp
    mnist/mnistpage.cpp
    mnist/sliceeditor.cpp
    mnist/slicestate.cpp)
