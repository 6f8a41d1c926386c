// Document renderers: pure functions from data to bytes or a stream, no database, no HTTP.
// The routes that serve them live with their features.
export { renderApplicationPdf, renderBlankFormPdf, type ApplicationPdfInput, type BlankFormPdfInput, type PdfOrganization } from './application-pdf.ts';
export { renderBlankFormXlsx, type BlankFormXlsxInput } from './form-xlsx.ts';
export { streamApplicationsXlsx, type ExportRow, type ExportTrack, type StreamApplicationsOptions } from './applications-xlsx.ts';
export { preloadCjkFonts } from './fonts.ts';
