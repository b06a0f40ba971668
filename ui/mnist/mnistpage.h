#pragma once
#include "ui/shell/page.h"
namespace ui {
class MnistPage : public Page {
    Q_OBJECT
public:
    explicit MnistPage(AppContext *context, QWidget *parent = nullptr);
};
} // namespace ui
