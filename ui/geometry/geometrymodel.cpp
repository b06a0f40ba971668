#include "ui/geometry/geometrymodel.h"

#include <QUndoCommand>
#include <QUndoStack>

namespace ui {

namespace {

class SnapshotCommand : public QUndoCommand {
public:
    SnapshotCommand(GeometryModel *model, GeometryState before, GeometryState after,
                    const QString &text, int id)
        : QUndoCommand(text), m_model(model), m_before(std::move(before)),
          m_after(std::move(after)), m_id(id)
    {}
    void undo() override { m_model->apply(m_before); }
    void redo() override { m_model->apply(m_after); }
    int id() const override { return m_id; }
    bool mergeWith(const QUndoCommand *other) override
    {
        // Same id means same entry in the same editing session: keep the first "before".
        m_after = static_cast<const SnapshotCommand *>(other)->m_after;
        return true;
    }

private:
    GeometryModel *m_model;
    GeometryState m_before, m_after;
    int m_id;
};

} // namespace

GeometryModel::GeometryModel(QObject *parent)
    : QObject(parent), m_state(GeometryState::defaults()), m_undo(new QUndoStack(this))
{}

void GeometryModel::apply(const GeometryState &state)
{
    if (state == m_state) return;
    const bool chainDiffers = !(state.chain == m_state.chain);
    m_state = state;
    emit stateChanged();
    if (chainDiffers) emit chainChanged();
}

void GeometryModel::edit(const GeometryState &next, const QString &description, int mergeKey)
{
    if (next == m_state) return;
    // QUndoCommand ids must be >= 0 to merge; fold the session in so a new session starts afresh.
    const int id = mergeKey == 0 ? -1 : ((mergeKey & 0xffff) | ((m_mergeSession & 0x7fff) << 16));
    m_undo->push(new SnapshotCommand(this, m_state, next, description, id));
}

void GeometryModel::beginGesture()
{
    m_gestureStart = m_state;
    m_inGesture = true;
}

void GeometryModel::updateGesture(const GeometryState &next)
{
    if (!m_inGesture) beginGesture();
    apply(next);
}

void GeometryModel::finishGesture(const QString &description)
{
    if (!m_inGesture) return;
    m_inGesture = false;
    if (m_state == m_gestureStart) return;
    const GeometryState end = m_state;
    m_state = m_gestureStart; // the command's first redo() re-applies the end state
    m_undo->push(new SnapshotCommand(this, m_gestureStart, end, description, -1));
}

void GeometryModel::reset()
{
    edit(GeometryState::defaults(), tr("Reset"));
}

} // namespace ui
