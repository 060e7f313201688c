// EDFlib's process-wide state and error codes, shared by the writer and the test oracle.
#include <edflib.h>

#include "eegtrack/io/edf_writer.hpp"

namespace eegtrack::io {

namespace detail {
std::mutex& edflib_mutex() {
  static std::mutex mutex;
  return mutex;
}
}  // namespace detail

std::string edflib_error_text(int code) {
  switch (code) {
    case EDFLIB_MALLOC_ERROR:
      return "out of memory";
    case EDFLIB_NO_SUCH_FILE_OR_DIRECTORY:
      return "no such file or directory (or it cannot be opened)";
    case EDFLIB_FILE_CONTAINS_FORMAT_ERRORS:
      return "file contains format errors";
    case EDFLIB_MAXFILES_REACHED:
      return "too many files open";
    case EDFLIB_FILE_READ_ERROR:
      return "file read error";
    case EDFLIB_FILE_ALREADY_OPENED:
      return "file already opened";
    case EDFLIB_FILETYPE_ERROR:
      return "wrong file type";
    case EDFLIB_FILE_WRITE_ERROR:
      return "file write error";
    case EDFLIB_NUMBER_OF_SIGNALS_INVALID:
      return "invalid number of signals";
    case EDFLIB_FILE_IS_DISCONTINUOUS:
      return "file is discontinuous (EDF+D/BDF+D)";
    case EDFLIB_INVALID_READ_ANNOTS_VALUE:
      return "invalid annotation read mode";
    case EDFLIB_ARCH_ERROR:
      return "unsupported architecture";
    case EDFLIB_NO_SIGNALS:
      return "no signals";
    case EDFLIB_TOO_MANY_SIGNALS:
      return "too many signals";
    case EDFLIB_NO_SAMPLES_IN_RECORD:
      return "no samples in data record";
    case EDFLIB_DIGMIN_IS_DIGMAX:
      return "digital minimum equals digital maximum";
    case EDFLIB_DIGMAX_LOWER_THAN_DIGMIN:
      return "digital maximum lower than digital minimum";
    case EDFLIB_PHYSMIN_IS_PHYSMAX:
      return "physical minimum equals physical maximum";
    case EDFLIB_DATARECORD_SIZE_TOO_BIG:
      return "data record too big";
    default:
      return "unknown EDFlib error";
  }
}

}  // namespace eegtrack::io
