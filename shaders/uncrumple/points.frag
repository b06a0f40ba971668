#version 330 core
// The points and the lattice's lines, drawn on the CPU (ui/uncrumple/pointsplatter.h,
// linesplatter.h) as premultiplied colours with the depth of the point each pixel shows, so that
// the axes and the plane, drawn by GL after them, pass in front of and behind the points. Drawn
// with glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA) over the geometry page's image quad
// (shaders/geometry/image.vert).

in vec2 vUv;
uniform sampler2D image;
uniform sampler2D depth;
out vec4 fragColour;

void main()
{
    vec4 c = texture(image, vUv);
    if (c.a < 0.004) discard;
    gl_FragDepth = texture(depth, vUv).r;
    fragColour = c;
}
