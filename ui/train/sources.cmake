# The Train page (listings 2.1-2.7).
target_sources(uncrumple_ui PRIVATE
    train/chartlayout.cpp
    train/confusionview.cpp
    train/curvechart.cpp
    train/curvepanel.cpp
    train/decimate.cpp
    train/digitimages.cpp
    train/digitlist.cpp
    train/drawcanvas.cpp
    train/drawpanel.cpp
    train/evaluatepanel.cpp
    train/flatprogressbar.cpp
    train/kerasline.cpp
    train/niceaxis.cpp
    train/predictiongrid.cpp
    train/probabilitybars.cpp
    train/recipeeditor.cpp
    train/traincode.cpp
    train/trainfiles.cpp
    train/trainhistory.cpp
    train/trainpage.cpp
    train/trainprogress.cpp
    train/trainrecipe.cpp
    train/trainsession.cpp
    train/trainworker.cpp
    train/weightgrid.cpp)
