// Starts Swagger UI on the API's OpenAPI document (see index.html for why this is a file of its own).
window.ui = SwaggerUIBundle({
  url: '/swagger/citygrid-mobile-api.yml',
  dom_id: '#swagger-ui',
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  plugins: [SwaggerUIBundle.plugins.DownloadUrl],
  layout: 'StandaloneLayout',
  deepLinking: true,
  tagsSorter: 'alpha',
  validatorUrl: null
});
