// The points drawn by WebGL2: one vertex a paper (its base position, colour index and shown/emphasised state) in
// GPU buffers that change only when the layout, the colouring or the filters do; a frame is a few uniforms and
// two draw calls, whatever the devicePixelRatio. The canvas path (geometry.js rasterize) refills a full-canvas
// image on the CPU every frame, which at devicePixelRatio 2 is four times the pixels (133 ms a frame for 74k papers
// measured before this). The dots are the same squares as the canvas path draws, on the same device pixels, so
// the two paths look alike; where WebGL2 is missing or fails, map.js falls back to the canvas. No WebGPU.

const VS = `#version 300 es
precision highp float;
layout(location = 0) in vec2 a_pos;    // base pixels (before zoom)
layout(location = 1) in uint a_val;    // colour index
layout(location = 2) in uint a_state;  // 0 hidden, 1 shown, 2 shown and emphasised
uniform vec3 u_t;                      // zoom k, tx, ty
uniform vec2 u_view;                   // canvas size in device pixels
uniform float u_dpr, u_size;
uniform int u_pass, u_emph, u_last;    // pass 0: the dimmed papers under an emphasis; 1: the others, on top
uniform sampler2D u_pal;               // row 0 colours, row 1 dimmed
out vec4 v_col;
void main() {
  bool on = u_emph == 0 || a_state == 2u;
  bool draw = a_state != 0u && (u_pass == 0 ? (u_emph == 1 && !on) : on);
  if (!draw) { gl_Position = vec4(2.0, 2.0, 2.0, 1.0); gl_PointSize = 0.0; return; }
  float size = u_pass == 1 && u_emph == 1 ? u_size + u_dpr : u_size;
  vec2 corner = floor((u_t.x * a_pos + u_t.yz) * u_dpr);   // the square's top-left device pixel, as the canvas path
  vec2 c = corner + 0.5 * size;
  gl_Position = vec4(c.x / u_view.x * 2.0 - 1.0, 1.0 - c.y / u_view.y * 2.0, 0.0, 1.0);
  gl_PointSize = size;
  v_col = texelFetch(u_pal, ivec2(min(int(a_val), u_last), u_pass == 0 ? 1 : 0), 0);
}`;
const FS = `#version 300 es
precision mediump float;
in vec4 v_col;
uniform float u_alpha;
out vec4 o;
void main() { o = vec4(v_col.rgb, v_col.a * u_alpha); }`;

function compile(gl, type, src) {
  const s = gl.createShader(type);
  gl.shaderSource(s, src); gl.compileShader(s);
  if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) throw new Error(`WebGL2 shader: ${gl.getShaderInfoLog(s)}`);
  return s;
}

/** RGBA bytes of a packed colour (ImageData's little-endian 0xAABBGGRR). */
const rgba = (c) => [c & 255, (c >>> 8) & 255, (c >>> 16) & 255, (c >>> 24) & 255];

/** A software rasteriser behind WebGL (Chromium's SwiftShader, Mesa's llvmpipe): it runs the GPU's work on the
 *  CPU, slower than the canvas path (measured: bench/browser.py). */
export const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|microsoft basic render/i;

/** The WebGL2 renderer's name where the browser has one ("" where not), asked of a throwaway canvas (a canvas
 *  that once had a WebGL context can never draw 2D). */
export function webglRenderer() {
  try {
    const gl = document.createElement("canvas").getContext("webgl2");
    if (!gl) return "";
    const info = gl.getExtension("WEBGL_debug_renderer_info");
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) || "webgl2");
    gl.getExtension("WEBGL_lose_context")?.loseContext();
    return name;
  } catch { return ""; }
}

/** Whether to draw with WebGL2: "webgl" wherever there is one, "auto" where it is not a software rasteriser. */
export function useWebGL(renderer, name = webglRenderer()) {
  if (renderer === "canvas" || !name) return false;
  return renderer === "webgl" || !SOFTWARE_GL.test(name);
}

/** Points by WebGL2 on `canvas`, or null where the browser has no WebGL2 (the caller draws on a 2D canvas then).
 *  draw(frame) takes {n, bx, by, values, order, mask, emph, colors, dimmed, background, transform, dpr, size, alpha}. */
export function createGLPoints(canvas) {
  let gl = null;
  try { gl = canvas.getContext("webgl2", { antialias: false, alpha: false, depth: false, stencil: false, preserveDrawingBuffer: true }); } catch { gl = null; }
  if (!gl) return null;
  let prog;
  try {
    prog = gl.createProgram();
    gl.attachShader(prog, compile(gl, gl.VERTEX_SHADER, VS)); gl.attachShader(prog, compile(gl, gl.FRAGMENT_SHADER, FS));
    gl.linkProgram(prog);
    if (!gl.getProgramParameter(prog, gl.LINK_STATUS)) throw new Error(`WebGL2 program: ${gl.getProgramInfoLog(prog)}`);
  } catch (err) { console.warn(`laion-explorer: drawing on a 2D canvas (${err.message})`); return null; }
  const U = Object.fromEntries(["u_t", "u_view", "u_dpr", "u_size", "u_pass", "u_emph", "u_last", "u_pal", "u_alpha"]
    .map((k) => [k, gl.getUniformLocation(prog, k)]));
  const vao = gl.createVertexArray(), pos = gl.createBuffer(), val = gl.createBuffer(), st = gl.createBuffer(), idx = gl.createBuffer();
  const pal = gl.createTexture();
  gl.bindVertexArray(vao);
  gl.bindBuffer(gl.ARRAY_BUFFER, pos); gl.enableVertexAttribArray(0); gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
  gl.bindBuffer(gl.ARRAY_BUFFER, val); gl.enableVertexAttribArray(1); gl.vertexAttribIPointer(1, 1, gl.UNSIGNED_SHORT, 0, 0);
  gl.bindBuffer(gl.ARRAY_BUFFER, st); gl.enableVertexAttribArray(2); gl.vertexAttribIPointer(2, 1, gl.UNSIGNED_BYTE, 0, 0);
  gl.bindVertexArray(null);
  // what is on the GPU now; uploaded again only when the frame's arrays are other objects
  const up = { bx: null, by: null, values: null, mask: null, emph: null, colors: null, dimmed: null, order: null };
  let stateBytes = null;

  function upload(f) {
    if (up.bx !== f.bx || up.by !== f.by) {
      const xy = new Float32Array(2 * f.n);
      for (let i = 0; i < f.n; i++) { xy[2 * i] = f.bx[i]; xy[2 * i + 1] = f.by[i]; }
      gl.bindBuffer(gl.ARRAY_BUFFER, pos); gl.bufferData(gl.ARRAY_BUFFER, xy, gl.STATIC_DRAW);
      up.bx = f.bx; up.by = f.by;
    }
    if (up.values !== f.values) {
      const v = f.values instanceof Uint16Array ? f.values : Uint16Array.from(f.values);
      gl.bindBuffer(gl.ARRAY_BUFFER, val); gl.bufferData(gl.ARRAY_BUFFER, v, gl.STATIC_DRAW);
      up.values = f.values;
    }
    if (up.mask !== f.mask || up.emph !== f.emph) {
      stateBytes ??= new Uint8Array(f.n);
      for (let i = 0; i < f.n; i++) stateBytes[i] = !f.mask || f.mask[i] ? (f.emph && f.emph[i] ? 2 : 1) : 0;
      gl.bindBuffer(gl.ARRAY_BUFFER, st); gl.bufferData(gl.ARRAY_BUFFER, stateBytes, gl.DYNAMIC_DRAW);
      up.mask = f.mask; up.emph = f.emph;
    }
    if (up.colors !== f.colors || up.dimmed !== f.dimmed) {
      const w = f.colors.length, px = new Uint8Array(w * 2 * 4);
      for (let k = 0; k < w; k++) { px.set(rgba(f.colors[k]), 4 * k); px.set(rgba(f.dimmed[k]), 4 * (w + k)); }
      gl.bindTexture(gl.TEXTURE_2D, pal);
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, w, 2, 0, gl.RGBA, gl.UNSIGNED_BYTE, px);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST); gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
      up.colors = f.colors; up.dimmed = f.dimmed;
    }
    if (up.order !== f.order) {
      if (f.order) { gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, idx); gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, f.order, gl.STATIC_DRAW); }
      up.order = f.order;
    }
  }

  return {
    kind: "webgl2",
    draw(f) {
      upload(f);
      const w = canvas.width, hh = canvas.height, [r, g, b] = rgba(f.background);
      gl.viewport(0, 0, w, hh); gl.clearColor(r / 255, g / 255, b / 255, 1); gl.clear(gl.COLOR_BUFFER_BIT);
      gl.useProgram(prog); gl.bindVertexArray(vao);
      const alpha = f.alpha ?? 1;
      if (alpha < 1) { gl.enable(gl.BLEND); gl.blendFunc(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA); } else gl.disable(gl.BLEND);
      gl.activeTexture(gl.TEXTURE0); gl.bindTexture(gl.TEXTURE_2D, pal); gl.uniform1i(U.u_pal, 0);
      gl.uniform3f(U.u_t, f.transform.k, f.transform.x, f.transform.y); gl.uniform2f(U.u_view, w, hh);
      gl.uniform1f(U.u_dpr, f.dpr); gl.uniform1f(U.u_size, f.size); gl.uniform1f(U.u_alpha, alpha);
      gl.uniform1i(U.u_emph, f.emph ? 1 : 0); gl.uniform1i(U.u_last, f.colors.length - 1);
      if (f.order) gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, idx);
      for (const pass of f.emph ? [0, 1] : [1]) {
        gl.uniform1i(U.u_pass, pass);
        if (f.order) gl.drawElements(gl.POINTS, f.n, gl.UNSIGNED_INT, 0); else gl.drawArrays(gl.POINTS, 0, f.n);
      }
      gl.bindVertexArray(null);
    },
    /** Wait for the GPU to finish the frame (benchmarks: a frame's time is then the time to draw it). */
    finish: () => { const px = new Uint8Array(4); gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px); },
    get lost() { return gl.isContextLost(); },
  };
}
