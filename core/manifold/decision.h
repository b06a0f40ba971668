#pragma once
// What the output layer decides. The last layer is Dense(2, softmax): class 1 wins where
// z1 > z0, i.e. where h · (W[:, 1] - W[:, 0]) + (b1 - b0) > 0 for the last hidden layer's output
// h: a plane in that layer's space (a line in 2D). decisionGrid() shades regions in any stage's
// 2D space by running the rest of the network on a grid.

#include "core/manifold/labeledpoints.h"
#include "core/nn/model.h"

#include <Eigen/Core>
#include <vector>

namespace core::manifold {

struct DecisionPlane {
    Eigen::VectorXd normal; // in the last hidden layer's coordinates (its width)
    double offset = 0.0;    // class 1 where normal · h + offset > 0
};

// Throws ValueError unless the model ends in a 2-unit softmax after at least one hidden layer.
DecisionPlane decisionPlane(const nn::Sequential &model);

struct DecisionGrid {
    int cols = 0;
    int rows = 0;
    BoundingBox box;                // the stage's 2D box that the grid covers
    std::vector<float> probability; // rows x cols, row 0 at box.low.y, column 0 at box.low.x:
                                    // P(class 1) at the cell's centre
};

// stage: 0 (the input) to model.layerCount() - 1, of width 2. Runs layers stage + 1 ... on the
// cell centres. Throws ValueError for a stage that is not 2D or counts below 1.
DecisionGrid decisionGrid(const nn::Sequential &model, int stage, const BoundingBox &box, int cols,
                          int rows);

} // namespace core::manifold
