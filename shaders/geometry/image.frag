#version 330 core
// Premultiplied colours, drawn with glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA).

in vec2 vUv;
uniform sampler2D image;
out vec4 fragColour;

void main()
{
    fragColour = texture(image, vUv);
}
