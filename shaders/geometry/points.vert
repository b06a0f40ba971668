#version 330 core
// The point cloud rides through the chain on the GPU: its positions stay in one buffer, uploaded
// once, and only the stages (a few uniforms) change from frame to frame. Each stage is
// x -> mix(W·x + b, max(W·x + b, 0), relu), exactly as core::geometry::applyStages computes it.

const int kMaxStages = 16;

layout(location = 0) in vec2 position; // world, before the chain
layout(location = 1) in vec4 colour;   // RGBA

uniform int stageCount;
uniform mat2 stageW[kMaxStages];
uniform vec2 stageB[kMaxStages];
uniform float stageRelu[kMaxStages];

uniform vec4 worldToPixel; // device pixel = world * xy + zw, y down
uniform vec2 viewportSize; // device pixels
uniform float pointSize;   // device pixels

out vec4 vColour;
flat out float vClamped;
flat out float vSize;

void main()
{
    vec2 x = position;
    bool clamped = false;
    for (int i = 0; i < stageCount; ++i) {
        x = stageW[i] * x + stageB[i];
        if (stageRelu[i] > 0.0) {
            clamped = clamped || x.x < 0.0 || x.y < 0.0;
            x = mix(x, max(x, vec2(0.0)), stageRelu[i]);
        }
    }
    vec2 p = x * worldToPixel.xy + worldToPixel.zw;
    gl_Position = vec4(p.x / viewportSize.x * 2.0 - 1.0, 1.0 - p.y / viewportSize.y * 2.0, 0.0, 1.0);
    // Points a ReLU clamps are drawn as larger rings, so the folded ones stand out on the axes.
    vClamped = clamped ? 1.0 : 0.0;
    vSize = clamped ? max(pointSize * 1.8, 5.0) : pointSize;
    gl_PointSize = vSize;
    vColour = colour;
}
