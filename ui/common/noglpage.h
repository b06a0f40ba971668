#pragma once
// The stand-in for a page drawn with OpenGL where OpenGL 3.3 is missing: says why and what to do,
// so the page list stays the same and nothing crashes.

#include "ui/shell/page.h"

namespace ui {

class NoGlPage : public Page {
    Q_OBJECT
public:
    // pageTitle: "Geometry"; codeTitle: the code panel's title, "The same in NumPy".
    NoGlPage(AppContext *context, const QString &pageTitle, const QString &codeTitle,
             const QString &problem, QWidget *parent = nullptr);
};

} // namespace ui
