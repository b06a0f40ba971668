#pragma once
// The pages the window lists, in order. A page appears here only when it works.

#include <QString>
#include <functional>
#include <vector>

namespace ui {

class AppContext;
class Page;

struct PageSpec {
    QString id;      // for --page and QSettings: "mnist"
    QString title;   // in the page list: "MNIST"
    QString summary; // tooltip: what the page shows and which part of the book
    std::function<Page *(AppContext *)> create;
};

const std::vector<PageSpec> &pageSpecs();

// The row of the page called name, by id or title in any case ("train", "Train", "MNIST"); -1 if
// there is none. What --page and a saved setting are resolved with.
int pageIndex(const QString &name);

} // namespace ui
