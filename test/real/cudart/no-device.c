/*
 * A stand-in CUDA runtime for running paddlepaddle-gpu wheels on a machine
 * without a GPU (test/real, npm run test:real). Written from scratch for
 * paddle-fullgraph-fix; never committed as a binary: the test set-up
 * compiles it in the cache, under the soname and symbol version of the real
 * runtime that the wheel's libpaddle.so links (e.g. libcudart.so.10.2), for
 * releases whose CUDA major version the registry serves no runtime for.
 *
 * It answers as the real runtime does on a machine with no driver: no
 * device. Paddle then falls back to the CPU. The functions below are the
 * ones that must say something specific; every other symbol libpaddle.so
 * imports from the runtime is added at set-up as a weak stub (generated
 * from `nm -D --undefined-only`) that returns cudaErrorNoDevice.
 *
 *   cc -shared -fPIC -DCUDART_VERSION=10020 -Wl,-soname,libcudart.so.10.2 \
 *      -Wl,--version-script=... no-device.c stubs.c -o libcudart.so.10.2
 */
#include <stddef.h>

#ifndef CUDART_VERSION
#error "CUDART_VERSION (e.g. 10020 for 10.2) is set by the build"
#endif

typedef int cudaError_t;
enum { cudaSuccess = 0, cudaErrorNoDevice = 100 };

/* No device to count. */
cudaError_t cudaGetDeviceCount(int *count) {
  if (count) *count = 0;
  return cudaErrorNoDevice;
}

/* No driver installed: the real runtime reports version 0 and success. */
cudaError_t cudaDriverGetVersion(int *version) {
  if (version) *version = 0;
  return cudaSuccess;
}

cudaError_t cudaRuntimeGetVersion(int *version) {
  if (version) *version = CUDART_VERSION;
  return cudaSuccess;
}

cudaError_t cudaGetLastError(void) { return cudaErrorNoDevice; }
cudaError_t cudaPeekAtLastError(void) { return cudaErrorNoDevice; }

const char *cudaGetErrorName(cudaError_t error) {
  return error == cudaSuccess ? "cudaSuccess" : "cudaErrorNoDevice";
}

const char *cudaGetErrorString(cudaError_t error) {
  return error == cudaSuccess ? "no error" : "no CUDA-capable device is detected (stand-in runtime)";
}

/*
 * Called by the constructors that register the library's kernels when it is
 * loaded: they must succeed quietly. The handle is only ever handed back.
 */
static void *fat_binary_handle;

void **__cudaRegisterFatBinary(void *fat_cubin) {
  (void)fat_cubin;
  return &fat_binary_handle;
}

void __cudaRegisterFatBinaryEnd(void **handle) { (void)handle; }
void __cudaUnregisterFatBinary(void **handle) { (void)handle; }
void __cudaRegisterFunction(void) {}
void __cudaRegisterVar(void) {}
char __cudaInitModule(void **handle) {
  (void)handle;
  return 0;
}
