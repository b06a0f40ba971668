target_sources(uncrumple_ui PRIVATE
    shell/appcontext.cpp
    shell/dataloader.cpp
    shell/datastore.cpp
    shell/mainwindow.cpp
    shell/page.cpp
    shell/pageregistry.cpp
    shell/sidedrawer.cpp
    shell/statusline.cpp
    shell/windowsettings.cpp)
