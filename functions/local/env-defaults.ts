// Imported first by `npm start`: module-level loggers and the AWS SDK read these when they load.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.LOG_LEVEL ??= 'WARN';
