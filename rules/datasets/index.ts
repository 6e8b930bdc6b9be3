/** ddss/datasets: the built-in dataset definitions (land parcels, insurance participants). */
export {};
