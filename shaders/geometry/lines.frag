#version 330 core
// Coverage from the distance to the segment (a capsule), so ends and joins come out round and
// every edge is faded over one device pixel. Dashed lines cut the capsule into round dashes.

in vec2 vLocal;
flat in float vLength;
flat in float vHalfWidth;
flat in float vDash;
flat in vec4 vColour;

out vec4 fragColour;

void main()
{
    float outside = max(max(-vLocal.x, vLocal.x - vLength), 0.0);
    if (vDash > 0.0) {
        // Dashes of half the period, gaps of the other half, starting with a dash.
        float phase = mod(max(vLocal.x, 0.0), vDash);
        float on = 0.5 * vDash;
        float gap = phase > on ? min(phase - on, vDash - phase) : 0.0;
        outside = max(outside, gap);
    }
    float distance = length(vec2(outside, vLocal.y));
    float coverage = clamp(vHalfWidth + 0.5 - distance, 0.0, 1.0);
    if (coverage <= 0.0)
        discard;
    fragColour = vec4(vColour.rgb, vColour.a * coverage);
}
