#pragma once
// The page's state with undo: every change goes through here as a whole new snapshot. Continuous
// edits (a drag, typing in one entry) update the state live and become one undo step.

#include "ui/geometry/geometrystate.h"

#include <QObject>
#include <QString>

class QUndoStack;

namespace ui {

class GeometryModel : public QObject {
    Q_OBJECT
public:
    explicit GeometryModel(QObject *parent = nullptr);

    const GeometryState &state() const { return m_state; }
    QUndoStack *undoStack() const { return m_undo; }

    // One undoable edit. With a mergeKey other than 0, consecutive edits with the same key (and
    // no endMerge() in between) fold into one undo step, e.g. keystrokes in one entry.
    void edit(const GeometryState &next, const QString &description, int mergeKey = 0);
    // Ends the current run of merged edits (an entry lost focus).
    void endMerge() { ++m_mergeSession; }

    // A drag: begin, then live updates that are not undo steps, then one step on finish.
    void beginGesture();
    void updateGesture(const GeometryState &next);
    void finishGesture(const QString &description);
    bool inGesture() const { return m_inGesture; }

    void reset();

    // Applies a snapshot without recording it (used by the undo commands).
    void apply(const GeometryState &state);

signals:
    // chainChanged: the steps differ (the timeline may need to move); always with stateChanged.
    void stateChanged();
    void chainChanged();

private:
    GeometryState m_state;
    GeometryState m_gestureStart;
    bool m_inGesture = false;
    int m_mergeSession = 0;
    QUndoStack *m_undo;
};

} // namespace ui
