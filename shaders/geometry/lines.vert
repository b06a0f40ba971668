#version 330 core
// Thick anti-aliased segments without glLineWidth (core profile allows only 1 px): each instance
// is one segment, drawn as a quad around its centre line in device pixels, reaching half a pixel
// beyond the line's edge on every side (where the fragment shader's fading coverage ends).

layout(location = 0) in vec2 corner; // per vertex: x 0 at the start, 1 at the end; y -1 or +1
layout(location = 1) in vec4 ends;   // per instance: world start (xy) and end (zw)
layout(location = 2) in vec4 colour; // per instance: RGBA
layout(location = 3) in vec2 style;  // per instance: width and dash period, in logical pixels

uniform vec4 worldToPixel; // device pixel = world * xy + zw, y down
uniform vec2 viewportSize; // device pixels
uniform float pixelScale;  // device pixels per logical pixel, times the presentation scale

out vec2 vLocal; // device pixels along the segment from its start, and across from its centre
flat out float vLength;
flat out float vHalfWidth;
flat out float vDash;
flat out vec4 vColour;

void main()
{
    vec2 a = ends.xy * worldToPixel.xy + worldToPixel.zw;
    vec2 b = ends.zw * worldToPixel.xy + worldToPixel.zw;
    float len = length(b - a);
    vec2 dir = len > 1e-4 ? (b - a) / len : vec2(1.0, 0.0);
    vec2 across = vec2(-dir.y, dir.x);

    // Lines thinner than a device pixel are drawn one pixel wide and lighter, keeping their weight.
    float width = style.x * pixelScale;
    float halfWidth = max(width, 1.0) * 0.5;
    float reach = halfWidth + 0.5;
    float along = corner.x * (len + 2.0 * reach) - reach;

    vec2 p = a + dir * along + across * (corner.y * reach);
    vLocal = vec2(along, corner.y * reach);
    vLength = len;
    vHalfWidth = halfWidth;
    vDash = style.y * pixelScale;
    vColour = vec4(colour.rgb, colour.a * min(width, 1.0));
    gl_Position = vec4(p.x / viewportSize.x * 2.0 - 1.0, 1.0 - p.y / viewportSize.y * 2.0, 0.0, 1.0);
}
