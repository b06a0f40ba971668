#pragma once
// The list of ready-made cells beside a live cell (the book's tensors, broadcasting pairs, ...):
// choosing one asks for its cell.

#include <QListWidget>
#include <span>
#include <vector>

namespace ui {

struct CellExample {
    const char *title; // translated when shown
    const char *cell;
};

// The examples of a table with title and cell members (the core's ready-made losses); the table
// must outlive the list.
template<class Table> std::vector<CellExample> cellExamples(const Table &table)
{
    std::vector<CellExample> out;
    for (const auto &e : table)
        out.push_back({e.title, e.cell});
    return out;
}

class ExampleList : public QListWidget {
    Q_OBJECT
public:
    // examples must outlive the list (they are static tables); row is the one chosen at first,
    // without asking for its cell.
    ExampleList(std::span<const CellExample> examples, int row, QWidget *parent = nullptr);

    QString cellAt(int row) const;
    // The chosen example's cell.
    QString cell() const { return cellAt(std::max(0, currentRow())); }

signals:
    void cellChosen(const QString &cell);

private:
    std::span<const CellExample> m_examples;
};

} // namespace ui
