// Renders /openapi.json with Swagger UI (served from the swagger-ui web jar on this server; no third-party requests).
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    tryItOutEnabled: false
  });
};
